// The new-return form passes what the user typed into the plan as text: an issuer typed "=1+1"
// is the text "=1+1" on the sheet, never 2.
import { HOSTILE_TEXT } from "../support/hostile-text";
import { FakeHost } from "./fake-host";
import { paneOn } from "./support";

/** What the inserted plan types into a field's cell. */
const typedAt = (host: FakeHost, field: string): string | undefined =>
  host.plans[0]?.cells.find((c) => c.field === field)?.content;

describe.each(HOSTILE_TEXT)("inserting with user text %j", (text) => {
  test("on the 2011 form: the issuer, stock code and description are typed as text", async () => {
    const host = new FakeHost();
    const { controller } = paneOn(host);
    controller.updateInsert({ formId: "legacy-2011" });
    controller.updateInsert({
      issuer: text,
      classes: {
        ...controller.state.input.classes,
        ord1: { inUse: true, stockCode: text, description: text },
      },
    });
    await controller.insert();
    for (const field of ["hdr.issuer", "auth.ord1.stockCode", "auth.ord1.description"])
      expect({ field, typed: typedAt(host, field) }).toEqual({ field, typed: `'${text}` });
  });

  test("on FF301: the issuer, class name and description are typed as text", async () => {
    const host = new FakeHost();
    const { controller } = paneOn(host);
    const [block] = controller.state.input.blocks;
    controller.updateInsert({
      issuer: text,
      blocks: [{ ...block, className: text, stockCode: "03888", description: text }],
    });
    await controller.insert();
    expect(controller.state.errors).toEqual({});
    for (const field of ["hdr.issuer", "auth.c1.className", "auth.c1.description"])
      expect({ field, typed: typedAt(host, field) }).toEqual({ field, typed: `'${text}` });
  });
});
