"""One way to subscribe, for every kind: double opt-in confirmed by POST,
one-click unsubscribe (RFC 8058), per-recipient limits, a digest cadence.

An app declares its kind in `plugs.py` (`kinds.register_kind`), its model
inheriting `models.Subscription`; `services` is the flow, `views` and `urls`
the pages of its links."""
