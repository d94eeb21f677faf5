"""Imports every scorer module so that its kind is registered (one line each)."""
from . import timeml  # noqa: F401
from . import pitf  # noqa: F401
from . import geo  # noqa: F401
from . import plover  # noqa: F401
from . import muc4  # noqa: F401
