"""Renderers: a Programme in, bytes or text out. No Flask, no database."""
