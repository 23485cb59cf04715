"""Field Client: an offline-first desktop client for the Microbizz field-service back office."""

__version__ = "0.1.0"
APP_NAME = "Field Client"
