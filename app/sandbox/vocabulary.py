"""Danish words a service company's back office is full of, for realistic demo objects."""

from __future__ import annotations

TASK_TITLES = (
    "Service af varmepumpe",
    "Fejlsøgning på ventilationsanlæg",
    "Årligt eftersyn af gasfyr",
    "Udskiftning af cirkulationspumpe",
    "Lækage under køkkenvask",
    "Montering af ny radiator",
    "Filterskift ventilation",
    "Eftersyn af brandslukkere",
    "Kølerum holder ikke temperaturen",
    "Tilsyn med fjernvarmeunit",
    "Rensning af kondensator",
    "Opstart af nyt anlæg",
    "Udskiftning af termostatventiler",
    "Fejl på varmtvandsbeholder",
    "Justering af varmeanlæg",
    "Serviceaftale - kvartalsbesøg",
    "Akut: ingen varme i ejendommen",
    "Tæthedsprøvning af kølesystem",
    "Reparation af ventilationsaggregat",
    "Installation af ladestander",
    "Udskiftning af el-tavle",
    "Fejlmelding fra CTS-anlæg",
    "Energitjek af bygning",
    "Indregulering af gulvvarme",
)

DESCRIPTION_SENTENCES = (
    "Kunden oplyser at anlægget larmer om natten.",
    "Husk at tage ekstra filtre med.",
    "Nøgle afhentes hos viceværten i stuen.",
    "Der er fejlkode E12 på displayet.",
    "Anlægget blev sidst serviceret for et år siden.",
    "Kontakt kunden en halv time før ankomst.",
    "Parkering i gården er tilladt.",
    "Tjek trykket på ekspansionsbeholderen.",
    "Kunden ønsker tilbud på udskiftning.",
    "Der må ikke bores i facaden.",
    "Adgang via bagindgangen ved varemodtagelsen.",
    "Reservedele er bestilt og forventes leveret i uge 12.",
    "Temperaturen i kølerummet er målt til 9 grader.",
    "Opgaven udføres i samarbejde med elektrikeren.",
    "Skriv timer og materialer på opgaven inden afslutning.",
    "Kunden har hund, ring på inden du går ind.",
)

TODO_ADDRESS_TYPES = ("Nøgleboks", "Leveringsadresse", "Parkering", "Materialeplads")

ACCESS_NOTES = (
    "",
    "",
    "Nøgle hos vicevært",
    "Ring på ved ankomst",
    "Kode til nøgleboks: 4821",
    "Adgang via kælderdør",
    "Kontakt driftschefen",
)

CUSTOMER_TRADES = (
    "VVS",
    "El-service",
    "Tømrer & Snedker",
    "Ejendomsservice",
    "Byg",
    "Transport",
    "Bageri",
    "Autoværksted",
    "Revision",
    "Tandklinik",
    "Boligadministration",
    "Supermarked",
)

CUSTOMER_INSTITUTIONS = (
    "Boligforeningen {}",
    "Andelsboligforeningen {}",
    "{} Skole",
    "Plejecenter {}",
    "Hotel {}",
    "Børnehaven {}",
    "Ejerforeningen {}",
)

INSTITUTION_NAMES = (
    "Solgården",
    "Engbo",
    "Vesterbo",
    "Skovbrynet",
    "Lindegården",
    "Havblik",
    "Toftegården",
    "Bakkehuset",
    "Åparken",
    "Møllehøj",
)

COMPANY_SUFFIXES = ("ApS", "A/S", "I/S", "")

CUSTOMER_NOTES = (
    "",
    "",
    "Serviceaftale med årligt eftersyn.",
    "Faktura sendes som EAN.",
    "Betaler altid for sent, ring til bogholderiet.",
    "Nøgler opbevares på kontoret.",
)

JOB_TITLES = (
    "Driftschef",
    "Vicevært",
    "Indkøber",
    "Ejendomsadministrator",
    "Teknisk chef",
    "Bogholder",
    "Direktør",
    "Facility manager",
    "Kontorchef",
    "Souschef",
)

TOOL_DESCRIPTIONS = (
    "",
    "Kræver årligt lovpligtigt eftersyn.",
    "Opbevares i teknikrummet.",
    "Garanti til og med næste service.",
    "Se manual i mappen på anlægget.",
)

EMAIL_DOMAINS = ("gmail.com", "hotmail.com", "outlook.dk", "mail.dk", "live.dk")
