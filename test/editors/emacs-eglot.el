;;; emacs-eglot.el --- Emacs + eglot attached to asynclint-clangd, headless -*- lexical-binding: t -*-
;; emacs --batch -Q -l emacs-eglot.el <file>   ($ASYNCLINT_CLANGD set)
;; The recipe of docs/editors.md (eglot-server-programs) on Debian's elpa-eglot 1.9: connects,
;; waits for clangd's diagnostics to include an async-* one, and prints them, one a line:
;; line:col [type] message.
(require 'package)
;; -Q leaves package-directory-list empty; Debian's elpa-* packages live here.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)

(setq eglot-server-programs
      `((c++-mode ,(getenv "ASYNCLINT_CLANGD") "--background-index=false" "--log=error")))
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
(c++-mode)
;; A transient project: the file's directory (no VC root is needed).
(let ((project-find-functions (list (lambda (dir) (cons 'transient dir)))))
  (apply #'eglot (eglot--guess-contact)))

(defun asynclint-diagnostics ()
  "The buffer's diagnostics: flymake's, or eglot's own before it hands them to flymake."
  (or (flymake-diagnostics) eglot--diagnostics))
(defun asynclint-has-async ()
  (cl-some (lambda (d) (string-match-p "async-" (flymake-diagnostic-text d)))
           (asynclint-diagnostics)))
(let ((waited 0))
  (while (and (not (asynclint-has-async)) (< waited 1200))
    (accept-process-output nil 0.1)
    (setq waited (1+ waited))))
(dolist (d (asynclint-diagnostics))
  (let ((beg (flymake-diagnostic-beg d)))
    (princ (format "%s [%s] %s\n"
                   (if (consp beg) (format "%d:%d" (car beg) (cdr beg))
                     (save-excursion (goto-char beg)
                                     (format "%d:%d" (line-number-at-pos) (1+ (current-column)))))
                   (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))
(kill-emacs (if (asynclint-has-async) 0 1))
