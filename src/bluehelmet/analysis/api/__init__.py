"""Analysis REST API: serializers, viewsets and the routes the site includes."""
