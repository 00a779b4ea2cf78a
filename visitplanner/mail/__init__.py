"""Invitations by e-mail: deciding what to send, the outbox, and sending it."""
