" Vim + ALE running clang-tidy-19 with the plugin, as docs/editors.md says, headless:
"   vim -N -u vim-ale.vim -i NONE -n -es <file>   ($ASYNCLINT_PLUGIN, $ASYNCLINT_OUT set)
" Lints the file once and writes ALE's location list to $ASYNCLINT_OUT, one line per item:
" line:col [type] text.
set nocompatible
let &runtimepath = '/usr/share/vim-ale,' . &runtimepath
filetype plugin on

" The recipe of docs/editors.md.
let g:ale_linters = {'cpp': ['clangtidy']}
let g:ale_cpp_clangtidy_executable = 'clang-tidy-19'
let g:ale_cpp_clangtidy_extra_options = '--load=' . $ASYNCLINT_PLUGIN
let g:ale_cpp_clangtidy_checks = ['-*', 'async-*']
let g:ale_c_build_dir_names = ['build']

runtime plugin/ale.vim

function! s:Report() abort
  let l:lines = []
  " ALE's own list for the buffer (what it puts in the location list and the signs).
  for l:item in get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])
    call add(l:lines, printf('%d:%d [%s] %s', l:item.lnum, l:item.col, l:item.type, l:item.text))
  endfor
  call writefile(l:lines, $ASYNCLINT_OUT)
endfunction

function! s:Lint() abort
  ALELint
  " ALE starts clang-tidy as a job; wait for it (sleep lets Vim run job callbacks).
  let l:waited = 0
  sleep 200m
  while ale#engine#IsCheckingBuffer(bufnr('')) && l:waited < 1200
    sleep 100m
    let l:waited += 1
  endwhile
  call s:Report()
endfunction

autocmd VimEnter * call s:Lint() | qall!
