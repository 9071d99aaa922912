# The language machinery (base/i18n.c) and the translated screens.
