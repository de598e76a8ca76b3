"""Word lists for the construction parser: stance verbs, cue words, fillers.

Everything is a lowercase, accent-folded token. Classes of a verb phrase:
SUP (backs something), OPP (is against it), NEU (reserves, asks for time, only appreciates),
PROP (puts something forward), STMT (states a view: a position of its own), ALIGN (joins the
position of another speaker: "aligned with", "agreed with", "in line with").
"""

from __future__ import annotations

from loaders.extract import phrases as _phrases

SUP, OPP, NEU, PROP, STMT, ALIGN = "SUP", "OPP", "NEU", "PROP", "STMT", "ALIGN"


def words(text: str) -> frozenset[str]:
    """A set of space-separated words."""
    return frozenset(text.split())


def _forms(cls: str, words: str) -> dict[str, str]:
    return {w: cls for w in words.split()}


VERBS: dict[str, str] = {}
VERBS.update(
    _forms(
        SUP,
        "support supports supported supporting supportive back backs backed backing endorse "
        "endorses endorsed endorsing favour favours favoured favouring favor favors favored "
        "favoring welcome welcomes welcomed welcoming prefer prefers preferred preferring "
        "accept accepts accepted accepting approve approves approved approving embrace "
        "embraced embraces embracing champion championed championing concur concurs concurred "
        "echo echoed echoes echoing seconded cosponsored co-sponsored joined join joins liked "
        "sign signs signed signing ratify ratifies ratified ratifying "
        "opted opt opts welcomed defended defend defends retained praise praised praises praising "
        "hailed hails hail hailing lauded lauds lauding applauded applauds applauding loved loves "
        "retain retains retaining",
    )
)
VERBS.update(
    _forms(
        OPP,
        "oppose opposes opposed opposing object objects objected objecting reject rejects "
        "blocking derail derails derailed torpedo torpedoed "
        "rejected rejecting disagree disagrees disagreed disagreeing resist resists resisted "
        "resisting dismiss dismissed dismisses refuse refused refuses block blocked blocks "
        "contest contested contests challenge challenged challenges criticise criticised "
        "criticize criticized question questioned questioning against skeptical sceptical "
        "doubtful wary critical unconvinced regret regretted regrets deplored deplores lamented "
        "condemn condemns condemned condemning disapprove disapproves disapproved fear fears "
        "feared dissociate dissociates dissociated dissociating disassociate disassociated "
        "denounced denounces decried decries slammed blasted vetoed vetoes veto vetoing boycotted "
        "complained complains complain complaining",
    )
)
VERBS.update(
    _forms(
        NEU,
        "reserved reserve reserves reserving appreciated appreciates appreciating abstained "
        "abstain abstains abstaining abstention abstentions undecided noncommittal non-committal "
        "lukewarm neutral hesitant flexible "
        "ambivalent cautious",
    )
)
VERBS.update(
    _forms(
        PROP,
        "propose proposes proposed proposing suggest suggests suggested suggesting introduce "
        "introduces introduced introducing table tabled tabling float floated floating submit "
        "submits submitted submitting recalled recall recalls reiterate reiterates reiterated "
        "reiterating request requests requested requesting want wants wanted wanting wish "
        "wished wishes seek seeks sought seeking demand demands demanded demanding urge urges "
        "urged urging push pushes pushed pushing insist insists insisted insisting advocate "
        "advocates advocated advocating initiate initiated instigated drafted promote promoted "
        "promotes promoting offered offer offers motivated motivate pressed pressing presses "
        "lobbied sponsored spearheaded asked recommend recommends recommended recommending moved "
        "moves "
        "prioritized prioritised prioritizes prioritises prioritize prioritise "
        # a delegate's own edits: "replace 'could' by 'would'", "delete paragraph 3"
        "replace replacing delete deleting insert inserting",
    )
)
VERBS.update(
    _forms(
        STMT,
        "emphasise emphasised emphasises emphasising emphasize emphasized emphasizes "
        "emphasizing stress stressed stresses stressing highlight highlighted highlights "
        "highlighting underscore underscored underscores underscoring underline underlined "
        "underlines underlining noted noting said say says saying stated stating explained "
        "explains explaining maintained maintains maintaining expressed expressing voiced "
        "voicing raised raising recognised recognized recognises recognizes recognising "
        "recognizing acknowledged acknowledges considered considers warned warns warning "
        "intervened articulated articulates shared argued argues arguing reaffirmed accused "
        "retorted "
        "reaffirms affirmed affirms reminded cautioned believes believed felt feels insisted "
        "believe think thinks thought holds "
        "called calling call calls pointed articulated identified identifies added adding adds",
    )
)
ALIGN_VERBS = words("aligned align aligns aligning associated sided side sides")
AGREE_VERBS = words("agree agrees agreed agreeing")
for _w in AGREE_VERBS:
    VERBS[_w] = SUP
for _w in ALIGN_VERBS:
    VERBS[_w] = ALIGN

# Light verbs take their class from the noun that follows ("made a proposal", "expressed
# support", "voiced opposition", "were very vocal in their opposition").
LIGHT_VERBS = words(
    "made make makes making expressed expressing expresses voiced voicing raised raising "
    "shared sharing provided provides providing gave give gives giving signalled signaled "
    "showed shown indicated indicates presented presenting present presents put puts "
    "registered offered vocal was were reiterated articulated tabled floated restated "
    "repeated lent lend conveyed delivered reaffirm reaffirms reaffirmed reaffirming "
    # base forms after "continued to", "will", "did": "continues to express concerns"
    "express voice voices raise raises share shares signal signals show shows indicate "
    "register registers offer offers reiterate reiterates articulate articulates restate "
    "restates repeat repeats convey conveys threw thrown throw throws throwing "
    "declared declare declares declaring announced announce announces announcing confirmed "
    "confirm confirms pledged pledge pledges stated brought bring brings bringing"
)
LIGHT_NOUNS: dict[str, str] = {}
LIGHT_NOUNS.update(
    _forms(
        PROP,
        "proposal proposals suggestion suggestions amendment amendments submission "
        "submissions request requests call calls inputs input initiative draft drafts argument "
        "arguments",
    )
)
LIGHT_NOUNS.update(
    _forms(STMT, "statement statements intervention case point frustration discomfort views")
)
LIGHT_NOUNS.update(_forms(SUP, "support backing endorsement preference approval"))
LIGHT_NOUNS.update(
    _forms(
        OPP,
        "opposition objection objections concern concerns disagreement reservations regret "
        "disappointment dissatisfaction "
        "scepticism skepticism doubts criticism resistance",
    )
)
LIGHT_NOUNS.update(_forms(NEU, "flexibility openness"))
# Predicate nouns: "was the key promoter of", "were among the proponents of".
PRED_NOUNS: dict[str, str] = {}
PRED_NOUNS.update(
    _forms(
        PROP,
        "promoter promoters proponent proponents sponsor sponsors champion champions initiator "
        "initiators author authors architect architects advocate advocates",
    )
)
PRED_NOUNS.update(
    _forms(SUP, "supporter supporters backer backers signatory signatories co-signatories")
)
PRED_NOUNS.update(_forms(OPP, "opponent opponents critic critics"))
PRED_START = words(
    "the a an one among key main chief leading strong principal major lead early vocal staunch"
)

# Multi-word verb phrases (phrases.py), checked before single words: tokens -> class.
PHRASES = _phrases.PHRASES
phrase_at = _phrases.phrase_at

NEG_ADJ = words(
    "problematic unacceptable objectionable difficult concerning troubling inappropriate "
    "unnecessary premature counterproductive unhelpful unjustified unwarranted"
)
POS_ADJ = words(
    "acceptable useful helpful valuable commendable necessary essential crucial important vital"
)
# "said it was a step backwards / unbalanced / a good basis": the side a verdict on a text takes
VERDICT_NEG = NEG_ADJ | words(
    "backwards backward regressive regression flawed unbalanced imbalanced politicized "
    "politicised counterproductive counter-productive disappointing regrettable unfortunate "
    "harmful dangerous unhelpful unworkable inadequate insufficient selective biased "
    "incompatible contrary mistake setback failure divisive"
)
VERDICT_POS = POS_ADJ | words(
    "balanced good positive constructive improvement forward welcome solid sound"
)
VERDICT_SUBJECTS = words("it this that")
VERDICT_NOUNS = words("step basis compromise outcome move start development solution precedent")
FIND_VERBS = words(
    "found find finds consider considered considers deemed deem deems called calls call "
    "described describes termed terms labelled labeled branded regards regarded regard sees "
    "views viewed"
)  # "called the amendment unacceptable", "described the text as useful"
SPEECH = words(
    "told said say says saying stated stating noted noting argued arguing explained explaining "
    "indicated indicating insisted insisting maintained maintaining stressed stressing "
    "emphasised emphasized warned claimed added adding clarified clarifying replied "
    "responded"
)
TIME_REQUEST = words(
    "requested request requests requesting asked asking ask asks needed need needs wanted sought "
    "seek seeks"
)
PRONOUN_SUBJECTS = words("it they he she we its their")

# Skipped between a subject and its verb.
AUX = words(
    "long "  # "have long pushed for"
    "have has had were was is are be been being would will shall should could can may might "
    "must did do does also all both too further then again once immediately initially "
    "subsequently ultimately eventually later meanwhile however therefore thus accordingly "
    "consequently instead similarly likewise jointly together notably only even still yet "
    "already indeed so very quite rather reportedly apparently clearly generally "
    "principally largely mostly broadly widely strongly firmly explicitly specifically "
    "repeatedly consistently vehemently openly publicly formally officially briefly "
    "particularly especially first finally moreover additionally furthermore tentatively "
    "cautiously partly partially fully equally others other collectively separately "
    "individually themselves itself swiftly quickly promptly actively duly expressly "
    "more somewhat decidedly noticeably"  # "Brazil was more ambivalent"
)
NEG = words(
    "not never cannot didn doesn don couldn wouldn won isn aren wasn weren hasn haven hadn "
    "shouldn no longer"
)
# Multi-word adverbials skipped between subject and verb.
ADVERBIALS = (
    ("in", "particular"),
    ("for", "example"),
    ("for", "instance"),
    ("in", "turn"),
    ("for", "their", "part"),
    ("for", "its", "part"),
    ("on", "the", "other", "hand"),
    ("as", "well"),
    ("in", "this", "regard"),
    ("at", "the", "outset"),
    ("once", "again"),
    ("in", "that", "order"),
    ("by", "contrast"),
    ("in", "contrast"),
    ("at", "first"),
    ("in", "the", "end"),
    ("among", "others"),
    ("inter", "alia"),
    ("in", "principle"),
    ("as", "a", "result"),
    ("in", "response"),
    ("no", "longer"),
    ("at", "the", "time"),
    ("at", "that", "time"),
    ("in", "addition"),
    ("of", "course"),
)
# "continues to seek", "will continue to press for": skipped before the verb they carry
# A side guessed or passed on, not stated: "might oppose", "reportedly backed".
HEDGES = words("may might reportedly allegedly supposedly purportedly")
COMPELLED = words("constrained compelled obliged forced bound had has have")
CONTINUE = words(
    "continue continues continued continuing remain remains remained preparing prepares "
    "planning plans intends intend intending"
)
LY_NOT_ADVERBS = words("reply apply supply rely fly ally italy july family")

# Back-scan from the start of an actor list: these words are skipped.
FILLERS = words(
    "the a an number large small several many some few most majority other others member "
    "members states state countries country delegations delegation parties party "
    "governments government developing developed including such as like namely notably "
    "especially particularly particular in mainly among them these those non observer "
    "observers both all also representatives representative nations economies western "
    "african asian arab latin american european caribbean island least minded speakers "
    "member-states respective various numerous certain further additional e g i : - ( , "
    "\u2022 \u00b7 likeminded small-island following elected permanent non-permanent "
    "nonpermanent security council unsc fellow founding core original"
)
# "including our neighbours A and B", "backed by its allies A and B": the names are the noun's
KIN_NOUNS = words(
    "neighbours neighbors allies partners friends ally partner neighbour neighbor friend"
)
POSSESSIVES = words("our its their his her")
PREPOSITIONS = words(
    "to for against on at about into over towards toward than between under within without "
    "upon onto across behind beyond via per versus vs around through throughout despite "
    "regarding concerning after before during since until unlike except"
)
SUBJECT_CUES = frozenset(
    [
        "saw",
        "see",
        "sees",
        "seeing",
        "when",
        "while",
        "whereas",
        "but",
        "and",
        "or",
        ";",
        "that",
        "whether",
        "if",
        "once",
        "because",
        "although",
        "though",
        "where",
        "whereby",
        "then",
        "so",
        "thus",
        "therefore",
        "however",
        "conversely",
        "meanwhile",
        "instead",
        "hand",
        "contrast",
        "beside",
        "besides",
        "aside",
        ".",
        "•",
        "[",
        "–",
        "—",
        '"',
        "'",
        "let",
        "letting",
        "allowing",
    ]
)
INCLUDED_CUES = words("included include includes comprised comprise comprises")

# Participles in "<participle> by LIST".
PASSIVE: dict[str, str] = {}
PASSIVE.update(
    _forms(
        SUP,
        "preferred favoured favored supported backed endorsed welcomed seconded echoed joined "
        "accepted shared cosponsored co-sponsored praised championed embraced approved defended "
        "reinforced signed ratified",
    )
)
PASSIVE.update(
    _forms(
        OPP,
        "opposed rejected resisted contested challenged criticised criticized dismissed "
        "blocked disputed questioned objected refused countered disapproved vetoed",
    )
)
PASSIVE.update(
    _forms(
        PROP,
        "proposed suggested introduced tabled submitted floated presented placed made "
        "instigated initiated launched drafted advanced sponsored authored requested raised "
        "forward led spearheaded pushed promoted put offered initiated brought tabled delivered "
        "steered piloted engineered shepherded carried motion",  # "set in motion by"
    )
)
PASSIVE.update(
    _forms(
        STMT,
        "expressed voiced held stated articulated taken highlighted stressed emphasised "
        "emphasized underlined underscored",
    )
)
# an objection to what was just said, whatever its that-clause says
REPLY_ENDS = words("back retorted protested objected countered")
ADVERB_OBJECTS = words(
    "once again too well strongly firmly immediately swiftly quickly vigorously sharply "
    "repeatedly privately publicly later today yesterday"
)
TIME_PREPS = words("at on in from during throughout after before since by")
# "Despite resistance from Moscow, Brazil got ...": the opening phrase sides on the main clause
OPENING_PREPS = words("with in despite amid against over")
VOTE_VERBS = words("voted voting vote votes abstained abstain abstaining abstains")
PROVISION_WORDS = words("article articles paragraph paragraphs amendment amendments clause")
SPONSOR_NOUNS = words("authors sponsors cosponsors co-authors co-sponsors")
VOTE_WORDS = words(
    "voted voting vote votes abstained abstain abstaining abstention abstentions favour favor "
    "against yes no"
)
# "X opposition", "US and EU objections", "Russian-led": a list followed by a noun of stance
LIST_NOUN_SIDE: dict[str, str] = {}
LIST_NOUN_SIDE.update(_forms(SUP, "support backing endorsement"))
LIST_NOUN_SIDE.update(_forms(OPP, "opposition objections objection resistance pushback"))
HYPHEN_SIDE: dict[str, str] = {}
HYPHEN_SIDE.update(_forms(PROP, "led sponsored drafted proposed authored initiated"))
HYPHEN_SIDE.update(_forms(SUP, "backed supported endorsed"))
# "no support from", "little backing": the noun of stance denied
NOUN_NEG = words("no little lack without scant insufficient")
# Adjectives of a first-person / third-person speaker noun: "my delegation", "his country"
SELF_NOUNS = words("delegation country government")
NEUTRAL_RESPONSE = words("lukewarm cautious mixed muted tepid reserved noncommittal non-committal")
FROM_NOUNS: dict[str, str] = {}
FROM_NOUNS.update(
    _forms(SUP, "support backing endorsement encouragement approval sympathy interest")
)
FROM_NOUNS.update(
    _forms(
        OPP,
        "opposition objections objection resistance criticism pushback push-back challenge "
        "challenges",
    )
)
FROM_NOUNS.update(
    _forms(
        PROP,
        "proposal proposals suggestion suggestions input inputs submission "
        "submissions contributions contribution text texts draft drafts amendment amendments "
        "document documents push",
    )
)
FROM_ADJ = words(
    "strong broad significant some further additional initial wide widespread considerable "
    "clear general overwhelming vocal explicit firm particular much little notable "
    "substantial solid"
)
OF_NOUNS: dict[str, str] = {}
OF_NOUNS.update(_forms(SUP, "support backing endorsement help"))
# not "exception": "all members, with the exception of X, are parties" takes no side
OF_NOUNS.update(_forms(OPP, "opposition objections ire resistance"))
# "of" after these is part of a quantity or group: "a number of", "the delegations of".
OF_QUANT = words(
    "number majority minority group groups bloc blocs coalition alliance camp some many "
    "several most few all each one both "
    "none handful couple total list members member delegations delegation representatives "
    "representative governments government ministers consisting composed comprising "
    "including"
)
# After "X's": the speaker itself ("Egypt's delegation proposed").
REP_NOUNS = words(
    "delegation delegations representative representatives government delegate delegates "
    "negotiator negotiators mission envoy envoys ambassador ambassadors minister ministers "
    "ministry president spokesperson spokesman spokeswoman officials official diplomats "
    "diplomat authorities leader leaders"
)
# "Russia's Foreign Ministry", "Iran's deputy foreign minister": words before a REP_NOUN
OFFICE_WORDS = words(
    "foreign defence defense justice interior press deputy chief top senior permanent "
    "affairs external"
)
# ", supported by X," between a subject and its verb.
PARENTHETICAL_START = words(
    "supported opposed backed joined seconded echoed endorsed with together along followed "
    "speaking acting like alongside aligning associating"
)
OF_NOUNS.update(
    _forms(
        PROP,
        "proposal proposals suggestion suggestions initiative amendment amendments submission "
        "submissions efforts urging behest instigation",
    )
)
OF_NOUNS.update(_forms(STMT, "statement position contribution"))
NOUN_CUES: dict[str, str] = {}
NOUN_CUES.update(_forms(SUP, "consensus support supporters proponents backers agreement backing"))
NOUN_CUES.update(_forms(OPP, "opposition opponents critics objections resistance naysayers"))
NOUN_CUES.update(_forms(NEU, "abstainers"))

# "The representative of Egypt", "the speaker for Japan": the speaker is the actor.
SPEAKER_NOUNS = words(
    "delegations delegation representatives representative governments government ministers "
    "minister delegate delegates speaker speakers ambassador ambassadors envoy envoys "
    "negotiator negotiators spokesperson head heads chief"
)
# "Statements in explanation of vote were made by X", "following interventions from X": taking
# the floor is no side (speech nouns before "made by" / "from").
SPEECH_ACT_NOUNS = words(
    "statement statements explanation explanations remark remarks comment comments "
    "intervention interventions observation observations contribution contributions"
)
SPEECH_ACT_VERBS = words("made delivered given heard offered")
TEMPORAL_PREPS = words("following after before during")
# "asked for clarification": a question, not a side.
NO_STANCE_OBJECTS = words("clarification clarifications information explanation details floor")

# "Did likewise": the same side as the previous speaker.
SAME_PHRASES = (
    ("did", "likewise"),
    ("did", "the", "same"),
    ("did", "so"),
    ("followed", "suit"),
    ("concurred",),
    ("agreed",),
)
BE = words("was were is are been be being")

# Nouns that name a proposal: "X's proposal", "the UK proposal", "this proposal".
PROPOSAL_NOUNS = words(
    "resolution push bid bids urging behest instigation demand demands proposal proposals "
    "suggestion suggestions amendment "
    "amendments idea ideas move change changes addition additions deletion deletions position "
    "positions view views statement statements text definition approach language wording "
    "formulation initiative initiatives compromise request call calls plea pleas contribution "
    "contributions submission submissions draft drafts plan option paragraph intervention "
    "efforts effort inclusion insertion reference references concept term terms version "
    "alternative package"
)
TARGET_NOUNS = words(
    "proposal proposals suggestion suggestions amendment amendments statement statements "
    "position positions contribution contributions approach idea text draft initiative "
    "submission submissions intervention formulation wording language compromise views view "
    "efforts effort call calls plea pleas request concerns plan package alternative push bid bids "
    "demand demands resolution resolutions drafts initiatives"
)
# an actor's own text, named as such ("Russia's resolution", "a Russian initiative"): its author
# proposed it, whether or not anybody else takes a side in the passage
AUTHORED_NOUNS = words("resolution initiative urging behest instigation")
DRAFT_WORDS = words(
    "provision provisions article articles paragraph paragraphs text draft proposal "
    "proposals amendment amendments clause clauses chapter inclusion insertion addition "
    "deletion reference"
)
# Nouns that, after "the", refer back to the proposal in focus ("did not support the proposal").
ANAPHORIC_NOUNS = words(
    "proposal proposals suggestion suggestions amendment amendments idea ideas move change "
    "changes addition additions deletion deletions position view statement approach "
    "initiative compromise request plan text draft resolution letter appeal insertion inclusion "
    "wording formulation measure"
)
DETERMINERS = words("a an the its their his her our this these more further")
DOC_NOUNS = words("text draft resolution measure")
ANAPHORS = words("it them this these that those such")
ANAPHOR_ADJ = words("proposed said same above latter former aforementioned")
CLAUSE_END = words(", ; : . ! ? which while whereas but although though however \u2013 \u2014 ) ]")
CONTRAST = words(
    "however conversely contrast whereas while meanwhile instead hand contrary others "
    "alternatively but beside besides aside"
)
# "the UK's position was that ...", "X's view is that ...": a stated position's head noun
POSITION_NOUNS = words("position view stance understanding preference")
# a sentence's opening connective before its subject ("However, it raised ...")
OPENING_CONNECTIVES = (
    "however", "but", "yet", "also", "later", "then", "moreover", "furthermore", "further",
    "nevertheless", "meanwhile", "finally", "subsequently", "additionally", "in addition",
    "at the same time", "on the other hand", "in response", "in turn",
)  # fmt: skip
# "no objection", "little support", "scant backing": none of the stance the noun names
NO_AMOUNT = words("no little scant")
CONNECTIVES = words("therefore thus consequently accordingly hence subsequently then so")
INTRO_STARTERS = words(
    "in on during at after before following with as by for according also however therefore "
    "thus then meanwhile later finally moreover additionally furthermore ultimately "
    "subsequently similarly likewise again conversely nevertheless nonetheless yet still "
    "instead here when while once since from throughout despite given"
)
SUBJECT_ANAPHORS = words("this these it they their its such that those")
BOTH_OF_WHICH = words("both all each")
LIST_END_WORDS = words("others etc al")
# a stated view is a side only when it says what should be done (extract._keep)
MODALS = words("should shall must ought")
NORMATIVE = frozenset(
    [
        "should", "shall", "must", "ought", "cannot", "never", "needs", "need", "necessary",
        "essential", "insisted", "insist", "unacceptable", "require", "requires", "required",
        "importance", "important", "vital", "crucial", "imperative", "indispensable",
        "significance", "belong", "belongs",
    ]
)  # fmt: skip
