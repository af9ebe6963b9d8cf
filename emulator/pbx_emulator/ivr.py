ENDPOINTS = {}


def references(obj):
    return iter(())


def create_ivr(pbx, params):
    raise NotImplementedError
