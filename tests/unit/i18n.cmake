# The language machinery (base/i18n.c) and the translated screens.
# base/i18n.c: --lang, the languages, i18n_start in forked children (it
# changes the process's locale), C_(); and a configuration error read in
# Chinese. It reads the build tree's catalogue: built before it.
citydash_unit_test(test_i18n SOURCES unit/test_i18n.c unit/test_lang.c LIBS citydash_core
                   LABELS unit)
if(TARGET translations)
  add_dependencies(test_i18n translations)
endif()
# feeds/curl_words.c: a failed transfer's cause in the operator's language.
citydash_unit_test(test_curl_words SOURCES unit/test_curl_words.c unit/test_lang.c
                   LIBS citydash_poller LABELS unit)
if(TARGET translations)
  add_dependencies(test_curl_words translations)
endif()
