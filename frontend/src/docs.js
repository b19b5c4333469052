// The OpenAPI docs page: Swagger UI (from npm, shipped) over /openapi.json, no inline script.
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
