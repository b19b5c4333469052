"""Words that look like toponyms but name people, armed groups, media or common things.

* :data:`PERSONAL_NAMES` — common given names (Arabic, Kurdish, Turkish, Western) of the
  people that reports of the war quote: "Ahmed", "Ali", "Hassan" also name villages, but a
  bare given name is a person, and the capitalised word after one is a surname
  ("Taysir Hammoud").
* :data:`COMMON_WORDS` — English words that news text capitalises (headlines, titles,
  institutions) and that collide with village names ("Court", "Source", "East").
* :func:`group_spans` — names of armed groups, parties and media whose place-like word is
  not a place: the Arabic group heads ("Jaish al-X", "Liwa al-X", "Faylaq al-X") and
  English heads ("X Military Council", "X Brigade(s)", "X Front", "X Martyrs", "X Party").
"""

from __future__ import annotations

import re

from ..taxonomy import ARABIC_ARTICLE, ARABIC_ARTICLE_HYPHEN, has_arabic_article, strip_arabic_article
from .normalize import words

PERSONAL_NAMES = words("""
ahmed ahmad ahmet mohammed mohammad muhammad mohamed mehmet mahmoud mahmud mohammad ali hassan
hasan hussein husain hussain omar umar saeed said saed khalid khaled abdullah abdallah abdul abdel
abdulrahman abdelrahman abdurrahman ibrahim yousef youssef yusuf yousif mustafa mostafa ismail
hamza bilal fadi rami samir tarek tariq walid ziad bassam nabil hisham jamal karim majid fares
firas nasser nasr salim salem yasser yasir yassin yasin osama usama anas amer ammar adnan ayman
taysir tayseer issa musa moussa yahya zakaria suleiman sulaiman haitham haytham riad riyad imad
emad hadi mahdi mehdi bakr musab hafs jihad ghassan hamid hamed rashid rasheed saleh salah
faisal feisal fawaz fouad fuad ghaith haidar haider hani hatem hazem jaber jamil kinan
louay loay maen mazen marwan moaz muaz monther munther nizar qais rabih radwan raed ramez
rifaat sami sameer shadi talal thaer wael wissam yaser zaher zakariya zaid zeid zuhair
anwar fahd mansour nour noor houssam hossam hosam hamzah obeida ubaida abu-bakr qassem qasem
fatima fatema aisha aicha zainab zeinab zaynab maryam mariam khadija layla leila rana rima
hiba huda amina nisreen nesrine razan reem dima lina lama ola rania samar suha souad
peter john david michael james robert mark paul stephen steven matthew thomas andrew richard
william george charles joseph daniel christopher jonathan simon martin patrick kevin brian
boris sergei sergey vladimir dmitry dmitri maria mikhail alexander alexei valery igor staffan
antonio ban kofi federica jean francois emmanuel angela theresa donald barack hillary rex
mike nikki samantha jim jeff susan frank steffen tony hassan heiko jens ashton john-paul
francois-xavier recep abdel-fattah nawaz benjamin avigdor ehud maher bibars nureddin
nuraddin nour-eddin saif sayf tareq muhammed mohammed-ali hamad hammad ahmet
""")

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

#: nationality adjectives and demonyms: "German counterpart", "speaking German" name no place
DEMONYMS = words("""
german germans french british english american russian chinese iranian iraqi turkish kurdish
lebanese jordanian israeli saudi qatari emirati egyptian libyan tunisian algerian moroccan
yemeni sudanese somali afghan pakistani indian chechen dagestani uzbek tajik kazakh uighur
uyghur georgian armenian azerbaijani azeri greek italian spanish dutch belgian swiss austrian
swedish norwegian danish finnish polish ukrainian canadian australian european asian african
palestinian bahraini kuwaiti omani syrian arab arabic persian hebrew turkmen circassian
""")

#: religions, sects and ideologies or parties named after one ("Shiite Islam", "the Baath
#: regime"): a place only after a place cue or before a place noun ("al-Baath city")
BELIEFS = words("""
islam islamism islamist islamists jihad jihadism jihadist jihadists salafi salafism salafist
wahhabi wahhabism sufi sufism shiism sunnism christianity judaism zionism zionist baath
sharia shariah baathism baathist baathists ba'ath ba'athist nasserism nasserist communism communist
socialism socialist marxism marxist nationalism nationalist liberalism secularism
""")

_HEADS = (r"Jaish|Jaysh|Jeish|Liwa['’]?|Liwaa|Harakat|Harakah|Faylaq|Failaq|Filaq|Jabhat|Jabhet|"
          r"Hay['’]?at|Hayaat|Kata['’]?ib|Katibat|Ahrar|Saraya|Ansar|Alwiya['’]?|Alwiyat|Firqat|"
          r"Jund|Tajammu['’]?|Thuwar|Thuwwar|Suqour|Suqur|Usud|Asa['’]ib|Quwat|Qawat")
_ART = rf"(?i:{ARABIC_ARTICLE}|wal|wa)[-‐ ]+"
_CAP = r"[A-Z][\w'’]*(?:[-‐][\w'’]+)*"
_TAIL = (r"Military[ \t]+Council|(?i:brigades?)|Front|Martyrs|(?i:battalions?)|Division|Legion|"
         r"Operations[ \t]+Room|Party|Movement|Regiment|Gathering|Corps")
HEAD_RE = re.compile(rf"\b(?:{_HEADS})(?:[ \t]*[-‐ ][ \t]*(?:{_ART})?{_CAP}){{1,4}}")  # Jaish al-Islam
TAIL_RE = re.compile(rf"\b(?:(?:{_ART})?{_CAP}[ \t]+){{1,3}}(?:{_TAIL})\b")  # Manbij Military Council
_ARTICLE_WORD = re.compile(rf"[ \t]+((?:{_ART}){_CAP})")
MEDIA_RE = re.compile(
    r"\b(?:Al[- ]Monitor|Al[- ]Ikhbariya(?:h)?|Al[- ]Manar|Al[- ]Akhbar|Al[- ]Watan|"
    r"Asharq Al[- ]Awsat|Al[- ]Araby(?: Al[- ]Jadeed)?|Al[- ]Quds Al[- ]Arabi|Enab Baladi|Orient News|"
    r"Smart News|Step News|Syria Direct|Press TV|Al[- ]Alam|Anadolu(?: Agency)?|Hawar News|ANHA|"
    r"Rudaw|Kurdistan 24|Qasioun(?: News)?)\b|"
    r"\b(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+(?:FM|TV|Radio|Television|Channel))\b",
    re.IGNORECASE)  # the last line: a broadcaster ("Sham FM", "Orient TV")


def group_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of armed-group, party and media names by their head words (not a list of groups)."""
    spans = [(m.start(), m.end()) for m in HEAD_RE.finditer(text, start, end)]
    for m in TAIL_RE.finditer(text, start, end):
        # "in Syria al-Nusra Front" (commas lost): the group name starts at its article word
        art = _ARTICLE_WORD.search(text, m.start(), m.end())
        spans.append((art.start(1) if art else m.start(), m.end()))
    return spans + [(m.start(), m.end()) for m in MEDIA_RE.finditer(text, start, end)]


_KUNYA = words("abu umm ibn bin bint")


def given_name(word: str) -> bool:
    """A common given name ("Ahmed", "Peter")."""
    return word.lower() in PERSONAL_NAMES


def person_run(words: list[str]) -> bool:
    """True for a run of capitalised words that reads as a person's name: a given name and a
    surname ("Hassan Ali"), or a kunya with a given name ("Abu Omar")."""
    if len(words) < 2:
        return False
    first, second = words[0].lower(), words[1].lower()
    article = has_arabic_article(words[1])
    return (first in PERSONAL_NAMES and words[1][:1].isupper() and not article) or (
        first in _KUNYA and second in PERSONAL_NAMES)


_TITLED = re.compile(
    r"\b(?i:adviser|advisor|ambassador|secretary|spokes(?:man|woman|person)|minister|envoy|president|"
    r"chancellor|counterpart|leader|commander|general|colonel|activist|journalist|correspondent|"
    r"reporter|analyst|official|director|chief|mr|mrs|ms|dr|senator|lawmaker|mp|mayor|governor)\.?"
    rf"[ \t]+(?=([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+((?:{ARABIC_ARTICLE_HYPHEN})?[A-Z][a-z]{{2,}})\b)")
_GIVEN_FIRST = re.compile(rf"(?<![\w-])(?=([A-Z][a-z]+)[ \t]+((?:{ARABIC_ARTICLE_HYPHEN})?[A-Z][a-z]{{2,}})\b)")


def surnames(text: str) -> frozenset[str]:
    """Capitalised words that follow a given name ("Taysir Hammoud", "Mohammad al-Halabi") or a
    title and a first name ("National Security Adviser Susan Rice") in ``text``: in this document
    they name a person even where they stand alone ("Hammoud said", "Rice's deputy")."""
    out = set()
    for rx, given in ((_GIVEN_FIRST, True), (_TITLED, False)):
        for m in rx.finditer(text):
            first, last = m.group(1), m.group(2)
            bare = strip_arabic_article(last)
            if (not given or first.lower() in PERSONAL_NAMES) and bare.lower() not in PERSONAL_NAMES:
                out.update({last.lower(), bare.lower()})
    return frozenset(out)
