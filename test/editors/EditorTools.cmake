# The editors the editor tests drive (test/editors/, label editors). scripts/install-deps test
# installs them; lit marks a test whose editor is missing UNSUPPORTED, which
# ASYNCLINT_REQUIRE_TEST_DEPS (scripts/test) turns into a configuration error here.
# (ASYNCLINT_BUILD_CLANGD=OFF leaves its tests out on purpose, without an error.)
if(ASYNCLINT_BUILD_CLANGD AND NOT TARGET asynclint-clangd)
  asynclint_missing_test_dependency("asynclint-clangd (libclangdMain.a, libclang-19-dev)"
                                    "the asynclint-clangd LSP and Neovim tests")
endif()
find_program(ASYNCLINT_NVIM nvim)
if(NOT ASYNCLINT_NVIM)
  asynclint_missing_test_dependency("nvim (neovim)" "the Neovim test")
endif()
find_program(ASYNCLINT_VIM vim)
if(NOT ASYNCLINT_VIM OR NOT EXISTS /usr/share/vim-ale/plugin/ale.vim)
  asynclint_missing_test_dependency("vim with ALE (vim-nox, vim-ale)" "the Vim + ALE test")
endif()
find_program(ASYNCLINT_EMACS emacs)
file(GLOB asynclint_flycheck /usr/share/emacs/site-lisp/elpa/flycheck-*/flycheck.el*)
if(NOT ASYNCLINT_EMACS OR NOT asynclint_flycheck)
  asynclint_missing_test_dependency("emacs with flycheck (emacs-nox, elpa-flycheck)"
                                    "the Emacs + flycheck test")
endif()
file(GLOB asynclint_eglot /usr/share/emacs/site-lisp/elpa/eglot-*/eglot.el*)
if(NOT ASYNCLINT_EMACS OR NOT asynclint_eglot)
  asynclint_missing_test_dependency("emacs with eglot (emacs-nox, elpa-eglot)" "the Emacs + eglot test")
endif()
