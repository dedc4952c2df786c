# `cmake --install` and the Debian package (`cpack -G DEB`). The program finds its data relative
# to itself: <prefix>/bin/wenshu reads <prefix>/share/wenshu (core/data_dir.cc). Fonts are never
# packaged: the package's post-install step runs fonts/setup.sh, which copies the faces of the
# manifest from the Debian font packages the package depends on and checks their sha256.
include(GNUInstallDirs)
set(wenshu_share "${CMAKE_INSTALL_DATADIR}/wenshu")

install(TARGETS wenshu RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${CMAKE_SOURCE_DIR}/templates" "${CMAKE_SOURCE_DIR}/schemas" "${CMAKE_SOURCE_DIR}/profiles"
        DESTINATION "${wenshu_share}")
install(FILES "${CMAKE_SOURCE_DIR}/fonts/manifest.tsv" DESTINATION "${wenshu_share}/fonts")
install(PROGRAMS "${CMAKE_SOURCE_DIR}/fonts/setup.sh" DESTINATION "${wenshu_share}/fonts")

# The man page is made from the program's own --help texts, so the two never disagree.
set(wenshu_man "${CMAKE_BINARY_DIR}/wenshu.1")
add_custom_command(OUTPUT "${wenshu_man}"
                   COMMAND bash "${CMAKE_SOURCE_DIR}/cmake/man_page.sh" "$<TARGET_FILE:wenshu>" "${PROJECT_VERSION}"
                           > "${wenshu_man}.tmp"
                   COMMAND "${CMAKE_COMMAND}" -E rename "${wenshu_man}.tmp" "${wenshu_man}"
                   DEPENDS wenshu "${CMAKE_SOURCE_DIR}/cmake/man_page.sh"
                   COMMENT "wenshu.1 from --help")
add_custom_target(man ALL DEPENDS "${wenshu_man}")
install(FILES "${wenshu_man}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${CMAKE_SOURCE_DIR}/cmake/wenshu-completion.bash" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME wenshu)

set(CPACK_PACKAGE_NAME wenshu)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "wenshu maintainers <wenshu@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Party committee records: rule checks, 公文 PDF typesetting (GB/T 9704), archive dossiers (DA/T 22)")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_STRIP_FILES ON)  # the debug information stays in the build
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # the runtime libraries, from the binary's needs
# The Fandol faces and the CJK fallback face that fonts/setup.sh copies (fonts/manifest.tsv).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "texlive-lang-chinese, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_SOURCE_DIR}/cmake/deb/postinst;${CMAKE_SOURCE_DIR}/cmake/deb/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
include(CPack)
