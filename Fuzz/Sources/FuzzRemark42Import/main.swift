import Comments
import FuzzSupport
import ImportFuzzing

// Remark42 backup (JSON lines, plain or gzipped) → imported comments (see ImportCheck).
FuzzDriver.run { data in
    ImportCheck.run(data, format: .remark42, privateElements: [])
}
