"""Resursguiden's core: the centre registry, places, ages, routing and opening hours.

Plain Python with no knowledge of Rasa, Sanic or HTTP; the custom actions and the
operator console call it.
"""
