import Comments
import FuzzSupport
import ImportFuzzing

// Disqus XML export → imported comments (see ImportCheck for the properties checked).
FuzzDriver.run { data in
    ImportCheck.run(data, format: .disqus, privateElements: ["email", "ipAddress"])
}
