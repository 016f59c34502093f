def navigation(request):  # placeholder replaced by the pages layer
    return {}
