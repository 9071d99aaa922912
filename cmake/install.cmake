# Installation (GNUInstallDirs layout) and the Debian package (CPack DEB).
# Included once from the top CMakeLists.txt, after the targets exist.
#
#   bin/                         citydash, citydash-mock
#   share/man/man1/              citydash.1.gz, citydash-mock.1.gz
#   share/man/zh_CN/man1/        the same pages in Chinese (man/zh_CN/)
#   share/locale/LANG/LC_MESSAGES/citydash.mo   the translations (po/CMakeLists.txt)
#   share/doc/citydash/          README.md.gz, config.md.gz, protocol.md.gz
#   share/citydash/themes/       *.theme (themes/, found by theme_find.c)
#   share/doc/citydash/examples/ demo.json, gateway.json, wall.json, systemd/*.service
#
# Man pages and documents are installed gzip -9n compressed, as Debian policy
# (12.1, 12.3) asks and as man(1) and less(1) read them; examples stay plain
# so they can be copied as they are.
include(GNUInstallDirs)

install(TARGETS citydash citydash-mock RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

find_program(GZIP_PROGRAM gzip REQUIRED)
set(CITYDASH_GZ_DIR ${CMAKE_BINARY_DIR}/gz)
set(citydash_gz_outputs "")
# citydash_install_gz(SOURCE DESTINATION [SUBDIR]): installs SOURCE.gz,
# compressed at build time (-n: no name or time stamp, so the bytes are
# reproducible). SUBDIR of build/gz keeps apart files of the same name (a
# translated man page).
function(citydash_install_gz src dest)
  get_filename_component(name ${src} NAME)
  set(gz_dir ${CITYDASH_GZ_DIR})
  if(ARGC GREATER 2)
    set(gz_dir ${CITYDASH_GZ_DIR}/${ARGV2})
  endif()
  set(out ${gz_dir}/${name}.gz)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${gz_dir}
    COMMAND sh -c "\"$1\" -9nc \"$2\" > \"$3\"" sh ${GZIP_PROGRAM} ${src} ${out}
    DEPENDS ${src}
    COMMENT "Compressing ${name}"
    VERBATIM)
  install(FILES ${out} DESTINATION ${dest})
  set(citydash_gz_outputs ${citydash_gz_outputs} ${out} PARENT_SCOPE)
endfunction()

citydash_install_gz(${PROJECT_SOURCE_DIR}/man/citydash.1 ${CMAKE_INSTALL_MANDIR}/man1)
citydash_install_gz(${PROJECT_SOURCE_DIR}/man/citydash-mock.1 ${CMAKE_INSTALL_MANDIR}/man1)
# The translated pages, where man -L LANG (or a LANG locale) finds them.
foreach(lang zh_CN)
  foreach(page citydash.1 citydash-mock.1)
    citydash_install_gz(${PROJECT_SOURCE_DIR}/man/${lang}/${page} ${CMAKE_INSTALL_MANDIR}/${lang}/man1
                        ${lang})
  endforeach()
endforeach()
citydash_install_gz(${PROJECT_SOURCE_DIR}/README.md ${CMAKE_INSTALL_DOCDIR})
citydash_install_gz(${PROJECT_SOURCE_DIR}/docs/config.md ${CMAKE_INSTALL_DOCDIR})
citydash_install_gz(${PROJECT_SOURCE_DIR}/docs/protocol.md ${CMAKE_INSTALL_DOCDIR})
citydash_install_gz(${PROJECT_SOURCE_DIR}/docs/indices.md ${CMAKE_INSTALL_DOCDIR})
citydash_install_gz(${PROJECT_SOURCE_DIR}/docs/alertmanager.md ${CMAKE_INSTALL_DOCDIR})
citydash_install_gz(${PROJECT_SOURCE_DIR}/docs/themes.md ${CMAKE_INSTALL_DOCDIR})
add_custom_target(citydash_gz ALL DEPENDS ${citydash_gz_outputs})

install(FILES ${CITYDASH_THEME_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/citydash/themes)

install(FILES ${PROJECT_SOURCE_DIR}/examples/demo.json ${PROJECT_SOURCE_DIR}/examples/gateway.json
              ${PROJECT_SOURCE_DIR}/examples/wall.json
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/examples/systemd/citydash-mock.service
              ${PROJECT_SOURCE_DIR}/examples/systemd/citydash-wall@.service
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/systemd)

# The .deb (scripts/package). Depends: is computed by dpkg-shlibdeps from the
# installed binaries, never typed here.
set(CITYDASH_MAINTAINER "citydash maintainers <citydash@localhost>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME citydash)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CITYDASH_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the body.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "citydash polls HTTP JSON feeds of a city's vital signs (water, power, gas,
telecom, bridges, tunnels), KPIs and incidents, runs an alarm engine over them
and draws live gauges and an alarm pane in the terminal, with or without
colour, in UTF-8 or ASCII. citydash-mock serves a simulated city in the same
feed protocol, for demos and tests.")
# No source package: the source is the git repository.
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
