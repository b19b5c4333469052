// Colours: event markers by ACLED event type, towns by the side of the actor that holds them.

export const TYPE_COLORS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};

export const SIDE_COLORS = {
  "pro-government": "#b71c1c",
  "opposition": "#2e7d32",
  "islamic-state": "#212121",
  "kurdish": "#f9a825",
  "us-coalition": "#1565c0",
  "turkey": "#6a1b9a",
};

export const STANDINGS = ["asserted", "reported", "alleged", "denied", "expected", "hypothetical", "background"];
export const COUNTED = new Set(["asserted", "reported", "alleged"]);

export function typeColor(type) { return TYPE_COLORS[type] || "#555"; }
export function sideColor(side) { return SIDE_COLORS[side] || "#78909c"; }
