-- Neovim's built-in LSP client (0.7: vim.lsp.start_client + buf_attach_client; vim.lsp.start
-- came in 0.8) attached to the clangd named in $ASYNCLINT_CLANGD, on the file given with
-- `nvim --headless <file> -c 'luafile neovim-diagnostics.lua'`. Prints the file's diagnostics,
-- one a line (1-based line:col [code] message), once they include an async-* one.
local clangd = os.getenv('ASYNCLINT_CLANGD')
local root = os.getenv('ASYNCLINT_PROJECT')
local function out(line) io.stdout:write(line .. '\n') end

local client = vim.lsp.start_client({
  name = 'asynclint-clangd',
  cmd = { clangd, '--background-index=false', '--log=error' },
  root_dir = root,
})
if not client then
  out('error: could not start ' .. tostring(clangd))
  vim.cmd('cquit 1')
end
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)

local function has_async()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if type(d.code) == 'string' and d.code:find('^async%-') then return true end
  end
  return false
end
local seen = vim.wait(120000, has_async, 100)
local diagnostics = vim.diagnostic.get(buf)
table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
for _, d in ipairs(diagnostics) do
  out(string.format('%d:%d [%s] %s', d.lnum + 1, d.col + 1, tostring(d.code), d.message))
end
if not seen then out('error: no async-* diagnostic within 120 s') end
vim.lsp.stop_client(client)
vim.cmd(seen and 'qall!' or 'cquit 1')
