"""The module-level app that `faust -A streams.app worker` needs: the only global."""

from streams.settings import Settings
from streams.topology import create_app

app = create_app(Settings())
