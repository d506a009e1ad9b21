"""The groups a user belongs to (editors, navigators), read once per request."""


def group_names(user) -> set[str]:
    """The user's group names; one query, kept on the user object (a new one each request)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_mbcnav_groups"):
        user._mbcnav_groups = set(user.groups.values_list("name", flat=True))
    return user._mbcnav_groups
