// tar-stream's packer, extractor and header encoder as one lazily loaded bundle (dist/tarStream.js):
// the engine loads it only to pack a build context or read a container's files.
export { extract, pack } from 'tar-stream';
export { encode, encodePax } from 'tar-stream/headers';
