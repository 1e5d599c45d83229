-- Drives stepwise-language-server from Neovim's built-in LSP client, headless.
-- Environment: STEPWISE_SERVER (dist/server.js), STEPWISE_FILE (the workflow), STEPWISE_OUT (results, JSON),
-- STEPWISE_LINE / STEPWISE_CHARACTER (0-based cursor for the completion request).
local server = os.getenv('STEPWISE_SERVER')
local file = os.getenv('STEPWISE_FILE')
local out = os.getenv('STEPWISE_OUT')
local line = tonumber(os.getenv('STEPWISE_LINE'))
local character = tonumber(os.getenv('STEPWISE_CHARACTER'))

local results = { diagnostics = {}, completion = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'stepwise',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics arrive on their own once the document is open.
  vim.wait(10000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(results.diagnostics, { code = d.code, line = d.lnum, message = d.message })
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = character },
  }
  local response = client.request_sync('textDocument/completion', params, 10000, bufnr)
  if response == nil or response.err ~= nil then
    table.insert(results.errors, vim.inspect(response))
  else
    local items = response.result.items or response.result
    for _, item in ipairs(items) do
      table.insert(results.completion, item.label)
    end
  end
end)
if not ok then
  table.insert(results.errors, tostring(err))
end
finish()
