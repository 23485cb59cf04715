"""A main-page box for the "weatherforecast" type: where to read the forecast for a task's place."""
