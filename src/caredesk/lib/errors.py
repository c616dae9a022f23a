"""Errors that actions raise for bad input. Each carries a message fit to show a person."""


class CaredeskError(ValueError):
    """Base class: the request was refused and nothing was written."""


class InvalidTransition(CaredeskError):
    pass


class TicketClosed(CaredeskError):
    pass


class EmptyBody(CaredeskError):
    pass


class IdentityTaken(CaredeskError):
    pass


class InvalidIdentity(CaredeskError):
    pass


class HandoffNoteRequired(CaredeskError):
    pass


class NotAllowed(CaredeskError):
    pass
