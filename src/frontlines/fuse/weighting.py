"""How much a claim supports the happening it describes.

The rule analysts use for territorial maps: a partisan source is strong evidence for
claims *against* its own side's interest and weak evidence for claims in its favour.
A claim's support starts from its standing (stated > attributed > hedged) and is
scaled by that rule; an event's support combines its claims as independent evidence,
``1 - Π(1 - s)``.  Forecasts, hypotheses and denials support nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Claim, Status

BASE = {Status.ASSERTED: 0.6, Status.REPORTED: 0.5, Status.ALLEGED: 0.3}
FAVOURABLE, UNFAVOURABLE = 0.5, 1.5
CEILING = 0.9

#: sub-event types where actor1 gains (territory, a successful strike) at actor2's expense
GAINS = frozenset({
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Suicide bomb", "Disrupted weapons use", "Attack", "Abduction/forced disappearance",
})


def camp(side: str | None) -> str | None:
    """An outlet's side ("pro-government") as the actors' camp ("pro-government", "opposition")."""
    if not side:
        return None
    side = side.lower()
    if side == "pro-government":
        return side
    return side.removeprefix("pro-")


def stance(claim: Claim, outlet_camp: str | None) -> int:
    """+1 when the claim is in the outlet's camp's favour, -1 when against it, 0 otherwise."""
    if outlet_camp is None or claim.sub_event_type not in GAINS:
        return 0
    winner = claim.actor1.side if claim.actor1 else None
    loser = claim.actor2.side if claim.actor2 else None
    if winner == outlet_camp:
        return 1
    return -1 if loser == outlet_camp else 0


def claim_support(claim: Claim, outlet_side: str | None) -> float:
    base = BASE.get(claim.status, 0.0)
    lean = stance(claim, camp(outlet_side))
    factor = FAVOURABLE if lean > 0 else UNFAVOURABLE if lean < 0 else 1.0
    return min(CEILING, base * factor)


def event_support(supports: Iterable[float]) -> float:
    doubt = 1.0
    for s in supports:
        doubt *= 1.0 - s
    return round(1.0 - doubt, 3)
