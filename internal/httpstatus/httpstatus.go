// Package httpstatus maps the domain's error codes to HTTP statuses, in one table
// that every surface (the website, OParl, the coming back office) imports, so that
// they cannot drift apart.
package httpstatus

import (
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// byCode is the one table. A code missing here is a programming error that Of
// answers with 500: the error is then logged and shown as internal.
var byCode = map[string]int{
	ratsinfo.EINVALID:      http.StatusBadRequest,
	ratsinfo.ENOTFOUND:     http.StatusNotFound,
	ratsinfo.ECONFLICT:     http.StatusConflict,
	ratsinfo.EUNAUTHORIZED: http.StatusUnauthorized,
	ratsinfo.EFORBIDDEN:    http.StatusForbidden,
	ratsinfo.EUNAVAILABLE:  http.StatusServiceUnavailable,
	ratsinfo.EINTERNAL:     http.StatusInternalServerError,
}

// Of returns the HTTP status of an error code (ratsinfo.ErrorCode). Anything
// unknown, and "" of a nil error, is internal: 500.
func Of(code string) int {
	if s, ok := byCode[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}
