package failure

const isWindows = true
