# Copies web/static and the front-end libraries installed by `npm ci` into the
# build's static directory. The npm packages are pinned by package-lock.json.
file(MAKE_DIRECTORY "${DST}/vendor")
file(COPY "${SRC}/web/static/" DESTINATION "${DST}")
set(vendor
  "node_modules/htmx.org/dist/htmx.min.js"
  "node_modules/chart.js/dist/chart.umd.js"
  "node_modules/cytoscape/dist/cytoscape.min.js")
foreach(f IN LISTS vendor)
  if(EXISTS "${SRC}/${f}")
    file(COPY "${SRC}/${f}" DESTINATION "${DST}/vendor")
  else()
    message(WARNING "${f} is missing: run `npm ci` (make deps does)")
  endif()
endforeach()
