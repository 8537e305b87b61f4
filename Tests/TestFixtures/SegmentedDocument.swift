import XMLStream

/// A document cut by `RowSegmenter`, fed in chunks of one size: the bytes
/// of its pieces in the order they came, and its runs.
public struct SegmentedDocument {
    public var routed: [UInt8]
    public var runs: [RowSegmenter.Run]

    public init(_ document: [UInt8], _ vocabulary: RowVocabulary, segmentSize: Int, chunkSize: Int) {
        var segmenter = RowSegmenter(vocabulary, segmentSize: segmentSize)
        var routed: [UInt8] = []
        var runs: [RowSegmenter.Run] = []
        let collect: (RowSegmenter.Piece) -> Void = { piece in
            switch piece {
            case .skeleton(let bytes):
                routed += bytes
            case .rows(let run):
                routed += run.bytes
                runs.append(run)
            }
        }
        var offset = 0
        while offset < document.count {
            let end = min(offset + chunkSize, document.count)
            document[offset..<end].withUnsafeBytes { segmenter.feed($0, collect) }
            offset = end
        }
        segmenter.finish(collect)
        self.routed = routed
        self.runs = runs
    }
}
