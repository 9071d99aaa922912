# Install, package, man pages, examples (issue 6, "Install and package").
# Tests that install the build tree share one lock: cmake --install and cpack
# both write into it (install_manifest.txt).
set(CITYDASH_PKG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/package)

add_test(NAME install_prefix
         COMMAND bash ${CITYDASH_PKG_DIR}/test_install.sh ${CMAKE_BINARY_DIR}
                 ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION})
add_test(NAME package_deb
         COMMAND bash ${CITYDASH_PKG_DIR}/test_deb.sh ${CMAKE_BINARY_DIR} ${PROJECT_VERSION})
add_test(NAME systemd_units
         COMMAND bash ${CITYDASH_PKG_DIR}/test_systemd.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(install_prefix package_deb systemd_units PROPERTIES
                     TIMEOUT 180 SKIP_RETURN_CODE 77 RESOURCE_LOCK install_tree
                     ENVIRONMENT "${CITYDASH_TEST_ENV};CMAKE=${CMAKE_COMMAND};CPACK=${CMAKE_CPACK_COMMAND}")
set_tests_properties(install_prefix PROPERTIES LABELS install)
set_tests_properties(package_deb PROPERTIES LABELS "install;package")
set_tests_properties(systemd_units PROPERTIES LABELS "install;systemd")

# Man pages: clean rendering, the same options as --help, every key.
set(citydash_man_sections NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES
    EXAMPLES "SEE ALSO")
add_test(NAME man_render_citydash
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_render.sh ${PROJECT_SOURCE_DIR}/man/citydash.1
                 ${PROJECT_VERSION} ${citydash_man_sections} KEYS PAGES)
add_test(NAME man_render_citydash-mock
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_render.sh
                 ${PROJECT_SOURCE_DIR}/man/citydash-mock.1 ${PROJECT_VERSION}
                 ${citydash_man_sections} ENDPOINTS)
add_test(NAME man_options_citydash
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_options.sh $<TARGET_FILE:citydash>
                 ${PROJECT_SOURCE_DIR}/man/citydash.1)
add_test(NAME man_options_citydash-mock
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_options.sh $<TARGET_FILE:citydash-mock>
                 ${PROJECT_SOURCE_DIR}/man/citydash-mock.1)
add_executable(keynames package/keynames.c)
target_link_libraries(keynames PRIVATE citydash_pages)
add_test(NAME man_keys
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_keys.sh $<TARGET_FILE:keynames>
                 ${PROJECT_SOURCE_DIR}/man/citydash.1)
set_tests_properties(man_render_citydash man_render_citydash-mock man_options_citydash
                     man_options_citydash-mock man_keys PROPERTIES
                     TIMEOUT 60 SKIP_RETURN_CODE 77 LABELS man ENVIRONMENT "${CITYDASH_TEST_ENV}")

# The Chinese pages (man/zh_CN/): rendered in a zh_CN.UTF-8 locale, with the
# sections' Chinese names, the same options as the Chinese --help, every key.
set(citydash_man_sections_zh_CN 名称 概述 描述 选项 退出状态 环境 文件 示例 参见)
add_test(NAME man_render_citydash_zh_CN
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_render.sh
                 ${PROJECT_SOURCE_DIR}/man/zh_CN/citydash.1 ${PROJECT_VERSION}
                 ${citydash_man_sections_zh_CN} 按键 页面)
add_test(NAME man_render_citydash-mock_zh_CN
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_render.sh
                 ${PROJECT_SOURCE_DIR}/man/zh_CN/citydash-mock.1 ${PROJECT_VERSION}
                 ${citydash_man_sections_zh_CN} 接口)
add_test(NAME man_options_citydash_zh_CN
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_options.sh $<TARGET_FILE:citydash>
                 ${PROJECT_SOURCE_DIR}/man/zh_CN/citydash.1 zh_CN)
add_test(NAME man_options_citydash-mock_zh_CN
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_options.sh $<TARGET_FILE:citydash-mock>
                 ${PROJECT_SOURCE_DIR}/man/zh_CN/citydash-mock.1 zh_CN)
add_test(NAME man_keys_zh_CN
         COMMAND bash ${CITYDASH_PKG_DIR}/test_man_keys.sh $<TARGET_FILE:keynames>
                 ${PROJECT_SOURCE_DIR}/man/zh_CN/citydash.1)
set_tests_properties(man_render_citydash_zh_CN man_render_citydash-mock_zh_CN
                     man_options_citydash_zh_CN man_options_citydash-mock_zh_CN man_keys_zh_CN
                     PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77 LABELS "man;i18n"
                     ENVIRONMENT "${CITYDASH_TEST_ENV};MAN_LOCALE=zh_CN.UTF-8")

# Examples: each file loads as --config loads it; demo.json reads the mock.
citydash_unit_test(test_examples SOURCES package/test_examples.c LIBS citydash_core
                   LABELS "unit;examples")
add_test(NAME example_demo
         COMMAND bash ${CITYDASH_PKG_DIR}/test_example_demo.sh $<TARGET_FILE:citydash>
                 $<TARGET_FILE:citydash-mock> ${PROJECT_SOURCE_DIR}/examples/demo.json)
set_tests_properties(example_demo PROPERTIES TIMEOUT 120 LABELS "e2e;examples"
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
