# Where the translations are built and installed, for base/i18n.c (which
# finds them) and po/CMakeLists.txt (which builds them). Included before the
# libraries so the paths are known when base/ is compiled.
#
#   share/locale/LANG/LC_MESSAGES/citydash.mo   one per line of po/LINGUAS
#
# The build tree mirrors the installed layout (build/share/locale), so a
# binary in the build tree finds them as an installed one does: beside it.
include(GNUInstallDirs)
file(STRINGS ${PROJECT_SOURCE_DIR}/po/LINGUAS CITYDASH_LINGUAS REGEX "^[^#]")
string(STRIP "${CITYDASH_LINGUAS}" CITYDASH_LINGUAS)
string(REPLACE ";" " " CITYDASH_LINGUAS_WORDS "${CITYDASH_LINGUAS}")
set(CITYDASH_LOCALE_BUILD_DIR ${CMAKE_BINARY_DIR}/share/locale)
set(CITYDASH_LOCALE_INSTALL_DIR ${CMAKE_INSTALL_FULL_LOCALEDIR})
file(RELATIVE_PATH CITYDASH_LOCALE_REL_DIR ${CMAKE_INSTALL_FULL_BINDIR}
     ${CITYDASH_LOCALE_INSTALL_DIR})

find_program(MSGFMT_PROGRAM msgfmt)
find_program(XGETTEXT_PROGRAM xgettext)
find_program(MSGMERGE_PROGRAM msgmerge)
if(NOT MSGFMT_PROGRAM)
  message(WARNING "msgfmt (Debian package gettext) not found: citydash is built "
                  "without its translations and speaks English only")
endif()
