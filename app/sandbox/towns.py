"""Real Danish towns with their postcode and position, so zip, city and map pin agree."""

from __future__ import annotations

from typing import NamedTuple


class Town(NamedTuple):
    zip: str
    city: str
    latitude: float
    longitude: float


# Weighted by repetition: the big cities hold more of the customers.
TOWNS: tuple[Town, ...] = (
    Town("1050", "København K", 55.6794, 12.5850),
    Town("1620", "København V", 55.6700, 12.5470),
    Town("2100", "København Ø", 55.7100, 12.5780),
    Town("2200", "København N", 55.6960, 12.5500),
    Town("2300", "København S", 55.6560, 12.5990),
    Town("2000", "Frederiksberg", 55.6780, 12.5320),
    Town("2500", "Valby", 55.6610, 12.5160),
    Town("2600", "Glostrup", 55.6620, 12.4030),
    Town("2630", "Taastrup", 55.6520, 12.3000),
    Town("2750", "Ballerup", 55.7310, 12.3630),
    Town("2800", "Kongens Lyngby", 55.7700, 12.5030),
    Town("2970", "Hørsholm", 55.8810, 12.5010),
    Town("3000", "Helsingør", 56.0360, 12.5900),
    Town("3400", "Hillerød", 55.9270, 12.3110),
    Town("4000", "Roskilde", 55.6420, 12.0800),
    Town("4100", "Ringsted", 55.4430, 11.7900),
    Town("4200", "Slagelse", 55.4040, 11.3540),
    Town("4300", "Holbæk", 55.7170, 11.7140),
    Town("4400", "Kalundborg", 55.6810, 11.0890),
    Town("4600", "Køge", 55.4580, 12.1820),
    Town("4700", "Næstved", 55.2300, 11.7600),
    Town("4760", "Vordingborg", 55.0080, 11.9110),
    Town("4800", "Nykøbing F", 54.7690, 11.8740),
    Town("4900", "Nakskov", 54.8310, 11.1360),
    Town("5000", "Odense C", 55.3960, 10.3880),
    Town("5000", "Odense C", 55.3960, 10.3880),
    Town("5220", "Odense SØ", 55.3760, 10.4330),
    Town("5500", "Middelfart", 55.5060, 9.7300),
    Town("5600", "Faaborg", 55.0950, 10.2420),
    Town("5700", "Svendborg", 55.0600, 10.6070),
    Town("5800", "Nyborg", 55.3120, 10.7900),
    Town("6000", "Kolding", 55.4900, 9.4720),
    Town("6100", "Haderslev", 55.2490, 9.4890),
    Town("6200", "Aabenraa", 55.0440, 9.4190),
    Town("6400", "Sønderborg", 54.9140, 9.7920),
    Town("6700", "Esbjerg", 55.4760, 8.4590),
    Town("6760", "Ribe", 55.3280, 8.7610),
    Town("6800", "Varde", 55.6210, 8.4810),
    Town("7000", "Fredericia", 55.5660, 9.7530),
    Town("7100", "Vejle", 55.7090, 9.5360),
    Town("7190", "Billund", 55.7300, 9.1100),
    Town("7400", "Herning", 56.1390, 8.9740),
    Town("7430", "Ikast", 56.1390, 9.1580),
    Town("7500", "Holstebro", 56.3600, 8.6160),
    Town("7600", "Struer", 56.4910, 8.5890),
    Town("7620", "Lemvig", 56.5480, 8.3100),
    Town("7700", "Thisted", 56.9550, 8.6940),
    Town("7800", "Skive", 56.5670, 9.0270),
    Town("8000", "Aarhus C", 56.1570, 10.2110),
    Town("8000", "Aarhus C", 56.1570, 10.2110),
    Town("8200", "Aarhus N", 56.1850, 10.1830),
    Town("8260", "Viby J", 56.1270, 10.1600),
    Town("8500", "Grenaa", 56.4160, 10.8780),
    Town("8600", "Silkeborg", 56.1700, 9.5450),
    Town("8660", "Skanderborg", 56.0340, 9.9280),
    Town("8700", "Horsens", 55.8610, 9.8500),
    Town("8800", "Viborg", 56.4530, 9.4020),
    Town("8900", "Randers C", 56.4610, 10.0360),
    Town("9000", "Aalborg", 57.0480, 9.9190),
    Town("9000", "Aalborg", 57.0480, 9.9190),
    Town("9400", "Nørresundby", 57.0590, 9.9230),
    Town("9500", "Hobro", 56.6400, 9.7900),
    Town("9700", "Brønderslev", 57.2700, 9.9410),
    Town("9800", "Hjørring", 57.4640, 9.9820),
    Town("9900", "Frederikshavn", 57.4410, 10.5370),
)
