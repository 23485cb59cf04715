"""The plugin: Qt-free, built only on fieldclient's public box API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from app.core.kinds import Kind
from app.mainpage_boxes.api import BoxContent, BoxContext, BoxPlugin, Hidden, Shown

if TYPE_CHECKING:
    from fieldclient_weather_box.widget import WeatherWidget

FORECAST_URL = "https://www.dmi.dk/lokation/show/{place}"


@dataclass(frozen=True, slots=True)
class Forecast(BoxContent):
    place: str
    link: str


class WeatherBox(BoxPlugin[Forecast]):
    box_type = "weatherforecast"
    kinds = frozenset({Kind.TODO})

    def build(self, context: BoxContext) -> Shown[Forecast] | Hidden:
        city = str(context.object.get("city") or "").strip()
        if not city:
            return Hidden("no city on this task")
        place = " ".join(part for part in (str(context.object.get("zip") or ""), city) if part)
        return Shown(Forecast(place, FORECAST_URL.format(place=quote(city))))

    def widget(self) -> type[WeatherWidget]:
        from fieldclient_weather_box.widget import WeatherWidget

        return WeatherWidget
