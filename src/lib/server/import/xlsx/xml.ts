import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { MAX_XML_RUN_CHARACTERS, Refused, refusals } from '../limits';
import type { Workbook } from './zip';

/**
 * What a part's reader is told, tag by tag, as the XML streams in. Names are local: a
 * prefix such as "x:" (some tools write `<x:row>`) is dropped.
 */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams one part of the workbook through saxes (a streaming XML parser: it never holds the
 * document, only the text since the last tag). saxes keeps that text until the next tag, so
 * a run of XML with no tag in it (a padded or damaged part) is refused once it passes
 * {@link MAX_XML_RUN_CHARACTERS}, rather than growing without end.
 */
export async function readXml(
  workbook: Workbook,
  path: string,
  handlers: XmlHandlers
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let fed = 0;
  let lastEvent = 0;
  let eventSeen = false;
  const seen = () => {
    eventSeen = true;
  };
  parser.on('opentag', (tag) => {
    seen();
    handlers.open?.(local(tag.name), tag.attributes as Record<string, string>);
  });
  // saxes reports a self-closing tag's end too, right after its start.
  parser.on('closetag', (tag) => {
    seen();
    handlers.close?.(local(tag.name));
  });
  parser.on('text', (text) => {
    seen();
    handlers.text?.(text);
  });
  parser.on('cdata', (text) => {
    seen();
    handlers.text?.(text);
  });
  parser.on('error', (error) => {
    throw error;
  });
  const decoder = new StringDecoder('utf8');
  const feed = (text: string) => {
    eventSeen = false;
    parser.write(text);
    fed += text.length;
    if (eventSeen) lastEvent = fed;
    else if (fed - lastEvent > MAX_XML_RUN_CHARACTERS) throw new Refused(refusals.notAWorkbook());
  };
  try {
    await workbook.read(path, (chunk) => feed(decoder.write(chunk)));
    feed(decoder.end());
    parser.close();
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(refusals.notAWorkbook());
  }
}
