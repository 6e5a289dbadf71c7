# Writes OUTPUT: one `{ "check-id", R"doc(...)doc" },` line per Markdown page in DOCS.
# Run by the build (cmake -P), so an edited page is re-embedded by the next `ninja`.
set(content "// Generated from docs/checks/*.md by driver/EmbedDocs.cmake. Do not edit.\n")
foreach(doc IN LISTS DOCS)
  get_filename_component(name "${doc}" NAME_WE)
  file(READ "${doc}" text)
  # A raw string cannot hold its own terminator; split it if a page ever contains it.
  string(REPLACE ")asynclintdoc\"" ")asynclintdoc\" \")asynclintdoc\\\"\" R\"asynclintdoc(" text "${text}")
  string(APPEND content "{\"${name}\", R\"asynclintdoc(${text})asynclintdoc\"},\n")
endforeach()
set(tmp "${OUTPUT}.tmp")
file(WRITE "${tmp}" "${content}")
file(COPY_FILE "${tmp}" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${tmp}")
