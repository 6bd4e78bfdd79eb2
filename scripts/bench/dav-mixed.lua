-- wrk script for bench-dav: half PROPFIND Depth 1 on a 100-file folder, half GET of one of its files.
-- Arguments after `--`: the folder's path (origin-form, ending in /), Basic credentials (base64).
local prefix, auth
local body = '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop>' ..
  '<displayname/><getlastmodified/><getcontentlength/><resourcetype/><getetag/></prop></propfind>'
local n = 0

function init(args)
  prefix = args[1]
  auth = "Basic " .. args[2]
end

function request()
  n = n + 1
  if n % 2 == 0 then
    return wrk.format("PROPFIND", prefix, {
      ["Depth"] = "1", ["Authorization"] = auth, ["Content-Type"] = "application/xml" }, body)
  end
  return wrk.format("GET", prefix .. string.format("f%03d.jpg", n % 100), { ["Authorization"] = auth })
end
