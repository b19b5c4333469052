"""English words that news text capitalises and that collide with village names.

:data:`COMMON_WORDS` — headlines, titles, institutions ("Court", "Source", "East").  The
theater's own words (given names, demonyms, group and media names) are in the knowledge
base (``theater.yaml``, :class:`frontlines.kb.theater.Theater`).
"""

from __future__ import annotations

from .normalize import words

COMMON_WORDS = words("""
center centre court courts east west north south source sources service services office ministry
police security health media committee network observatory union party assembly parliament
congress senate house agency press news times post daily monitor human rights watch amnesty
relief red crescent cross doctors medical hospital school schools university mosque church
street square bridge gate market tower palace castle station prison border coast island sea
gulf bay harbour harbor line zone region capital central upper lower greater great little big
small high long grand royal national international general special official public civil
democratic popular federal free liberation independence revolution resistance victory peace
justice hope future dawn storm shield spring summer winter autumn olive branch operation
operations tigers eagles lions hawks falcons martyr martyrs brothers sons men people family
children women youth students workers group groups team institute foundation organization
organisation commission inquiry program programme project fund bank company corporation
power energy electricity bread food aid help support strike strikes attack attacks raid raids
blast bomb explosion massacre battle war fighting clashes siege truce ceasefire deal agreement
talks conference summit meeting statement video photo photos tags share tweet comments home
contact search menu top latest world executive director manager head criminal supreme
forces force council army armies navy command headquarters defence defense interior foreign
affairs sino cookie cookies privacy policy shell terms copyright subscribe newsletter advertise
sport sports business opinion analysis features editorial
like follow click share subscribe login register email print reply hours minutes days weeks
months years better best positions position sites site targets target hammer anvil
ramadan eid muharram
""")
