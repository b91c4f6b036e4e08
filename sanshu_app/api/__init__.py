"""Entry points of the app that are not desk forms: ``public`` is everything a guest may call."""
