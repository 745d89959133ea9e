import Comments
import FuzzSupport
import ImportFuzzing

// WordPress WXR export → imported comments (see ImportCheck for the properties checked).
FuzzDriver.run { data in
    ImportCheck.run(data, format: .wordpress, privateElements: [
        "wp:comment_author_email", "wp:comment_author_IP", "wp:comment_author_url", "wp:comment_agent",
    ])
}
