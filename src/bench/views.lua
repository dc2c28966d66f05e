-- wrk script for the soak: readers' page views spread over several guidance and topic pages.
local paths = {
  "/exercise/exercises-for-lower-back-pain", "/exercise/staying-active-with-back-pain",
  "/yoga/gentle-yoga-for-back-pain", "/exercise", "/", "/search?q=back"
}
local i = 0

function request()
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1], { ["Accept"] = "text/html" })
end
