"""The browser blueprint: every URL rule of the web pages in one place."""
from flask import Blueprint

from visitplanner.web import auth, visits

web = Blueprint("web", __name__)

web.add_url_rule("/login", view_func=auth.login, methods=["GET", "POST"])
web.add_url_rule("/logout", view_func=auth.logout, methods=["POST"])
web.add_url_rule("/", view_func=visits.list_visits)
