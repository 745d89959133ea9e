-- wrk script for Benchmarks/serve_load.py: requests a mix of pages of the preview and
-- checks every response is a whole file of one build: HTML pages end with </html>, and
-- the article that is being saved carries exactly one version marker.
local paths = {}
local watched = os.getenv("WATCHED_PATH")
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end

local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

local threads = {}
setup = function(thread) table.insert(threads, thread) end

bad, checked = 0, 0
response = function(status, headers, body)
  if status ~= 200 then return end
  if body:find("<html", 1, true) then
    checked = checked + 1
    local ok = body:find("</html>%s*$") ~= nil
    if ok and body:find("magbuild-load-marker", 1, true) then
      local _, markers = body:gsub("magbuild%-load%-marker", "")
      ok = markers == 1
    end
    if not ok then bad = bad + 1 end
  end
end

done = function(summary, latency, requests)
  local total_bad, total_checked = 0, 0
  for _, thread in ipairs(threads) do
    total_bad = total_bad + thread:get("bad")
    total_checked = total_checked + thread:get("checked")
  end
  io.write(string.format("html-checked: %d\nincomplete-or-mixed: %d\n", total_checked, total_bad))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency-p%s-us: %d\n", p, latency:percentile(p)))
  end
end
