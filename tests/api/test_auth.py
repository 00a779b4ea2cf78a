"""Who may call the API: tokens and roles."""

VISIT = {"title": "Studiebezoek", "start_date": "2024-04-22", "end_date": "2024-04-26"}


def test_no_token_gets_401_in_json(client):
    response = client.get("/api/v1/visits")
    assert response.status_code == 401
    error = response.json["error"]
    assert error["code"] == "unauthorized" and error["message"] and error["fields"] == {}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_gets_401(api_client):
    response = api_client("not-a-real-token").get("/visits")
    assert response.status_code == 401


def test_viewer_reads_but_gets_403_on_write(viewer_api):
    assert viewer_api.get("/visits").status_code == 200
    response = viewer_api.post("/visits", json=VISIT)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "forbidden"
    assert viewer_api.get("/visits").json == []


def test_organiser_writes(api):
    response = api.post("/visits", json=VISIT)
    assert response.status_code == 201
    assert response.json["title"] == "Studiebezoek"


def test_token_is_stored_hashed(app, api):
    from visitplanner.extensions import db
    from visitplanner.models import ApiToken

    token = api.headers["Authorization"].split()[1]
    stored = db.session.query(ApiToken).one()
    assert stored.token_hash != token
    assert stored.token_hash == ApiToken.hash(token)


def test_deactivated_user_token_gets_401(app, api):
    from visitplanner.extensions import db
    from visitplanner.models import User

    user = db.session.query(User).one()
    user.active = False
    db.session.commit()
    assert api.get("/visits").status_code == 401
