from django.shortcuts import render


def guide(request):
    return render(request, "visits/guide.html")
