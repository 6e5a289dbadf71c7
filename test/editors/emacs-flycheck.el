;;; emacs-flycheck.el --- Emacs + flycheck running clang-tidy-19 with the plugin, headless -*- lexical-binding: t -*-
;; emacs --batch -Q -l emacs-flycheck.el <file>   ($ASYNCLINT_PLUGIN set)
;; Debian's flycheck has no clang-tidy checker (that is the separate flycheck-clang-tidy
;; package, not in Debian 12), so this defines one: the recipe of docs/editors.md. It checks
;; the file once and prints flycheck's errors, one a line: line:col [level] message (id).
(require 'package)
;; -Q leaves package-directory-list empty; Debian's elpa-* packages live here.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'flycheck)

(defun asynclint-compile-commands-dir ()
  "The nearest directory above the current file with a compile_commands.json."
  (let ((dir (locate-dominating-file default-directory "compile_commands.json")))
    (and dir (expand-file-name dir))))

(flycheck-define-checker asynclint-clang-tidy
  "clang-tidy-19 with asynclint's async-* checks."
  :command ("clang-tidy-19"
            (eval (concat "--load=" (getenv "ASYNCLINT_PLUGIN")))
            "--checks=-*,async-*"
            (eval (concat "-p=" (asynclint-compile-commands-dir)))
            source-original)
  :error-patterns
  ((error line-start (file-name) ":" line ":" column ": error: "
          (message) " [" (id (one-or-more (not (any "]")))) "]" line-end)
   (warning line-start (file-name) ":" line ":" column ": warning: "
            (message) " [" (id (one-or-more (not (any "]")))) "]" line-end)
   (info line-start (file-name) ":" line ":" column ": note: " (message) line-end))
  :modes (c-mode c++-mode)
  :predicate (lambda () (and buffer-file-name (not (buffer-modified-p)))))

(find-file (car command-line-args-left))
(setq command-line-args-left nil)
(c++-mode)
(setq-local flycheck-checkers '(asynclint-clang-tidy))
(flycheck-mode 1)
(flycheck-buffer)
(let ((waited 0))
  (while (and (flycheck-running-p) (< waited 1200))
    (accept-process-output nil 0.1)
    (setq waited (1+ waited))))
(dolist (err flycheck-current-errors)
  (princ (format "%d:%d [%s] %s (%s)\n" (flycheck-error-line err) (or (flycheck-error-column err) 0)
                 (flycheck-error-level err) (flycheck-error-message err) (flycheck-error-id err))))
(kill-emacs (if flycheck-current-errors 0 1))
