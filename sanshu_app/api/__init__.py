"""Entry points of the app that are not desk forms: ``public`` is everything a guest may call.

May use: anything of the app (a top layer, with www)."""
