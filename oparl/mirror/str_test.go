package mirror_test

func str(v any) string {
	s, _ := v.(string)
	return s
}
